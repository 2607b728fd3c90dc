"""Hypothesis profiles: HYPOTHESIS_PROFILE=quick for a fast run, thorough for a long one."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("quick", max_examples=10)
settings.register_profile("thorough", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
