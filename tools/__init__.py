"""Developer tools: run from a checkout (``python -m tools.…``), never installed with Eingang."""
