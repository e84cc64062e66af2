"""The one door to the network: ``fetch`` and its one error type, ``FetchError``.

Nothing else in Storyline makes outbound HTTP requests.
"""

from .client import FetchResult, fetch
from .errors import RETRYABLE_KINDS, Attempt, FetchError

__all__ = ["RETRYABLE_KINDS", "Attempt", "FetchError", "FetchResult", "fetch"]
