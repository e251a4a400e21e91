"""What a running process shares: settings, the database engine and the taxonomy.
Built once at the edge (CLI command, worker start, web app) from ``Settings``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy.engine import Engine

from classifiers.taxonomy import Taxonomy, get_taxonomy
from classifiers.topics import use_model
from eingang.settings import Settings
from models import make_engine


@dataclass
class Runtime:
    settings: Settings

    def __post_init__(self) -> None:
        # The topic model this process classifies with: a promoted one or the packaged one (lazy load).
        use_model(self.settings.topic_model_path, load=False)

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.settings.database_url)

    @cached_property
    def taxonomy(self) -> Taxonomy:
        return get_taxonomy(self.settings.taxonomy_path)
