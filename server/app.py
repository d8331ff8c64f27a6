"""The Flask app factory, after Flask's tutorial: config, blueprints, security and error handlers."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from rules import warm_up

from . import security
from .api import health, v1
from .config import Config
from .errors import register_error_handlers
from .json_answers import JSONAnswers
from .languagetool import v2
from .live_rules import LiveRules


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; raises rules.RulesError when the rules file is broken (no half service)."""
    app = Flask(__name__)
    app.json = JSONAnswers(app)
    app.config.from_object(Config)
    app.config.update(overrides or {})
    app.extensions["rapport"] = LiveRules(app.config["RULES_PATH"])
    security.install(app)
    register_error_handlers(app)
    app.register_blueprint(v1)
    app.register_blueprint(v2)
    app.register_blueprint(health)
    return app


def create_serving_app(overrides: Mapping[str, Any]) -> Flask:
    """The app as a running service needs it: rules watched for edits, textstat's dictionary loaded."""
    app = create_app(overrides)
    app.extensions["rapport"].watch()  # edits to the rules (and packs they extend) apply live
    warm_up()  # about a second, paid now rather than by the first draft
    return app
