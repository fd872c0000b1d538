"""Domain exceptions. Library code raises these; only cli.py turns them into messages and exit codes."""

from __future__ import annotations


class BriefingError(Exception):
    """Base class: the message is Chinese and meant for the user."""


class ReadError(BriefingError):
    """A file could not be read; the run goes on and the file becomes a warning."""


class InputNotFoundError(BriefingError):
    """A path given on the command line does not exist."""


class ConfigError(BriefingError):
    """briefing.toml or the lexicon is invalid."""


class TemplateError(BriefingError):
    """A template failed to render or is unsafe."""


class LockedError(BriefingError):
    """Another run holds the output folder's lock."""
