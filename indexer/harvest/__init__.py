"""Harvest a council's minutes from its ModernGov site into the corpus, politely and incrementally.

Stages, one module each:

* :mod:`.urls` – site root, canonical addresses, ids in ModernGov links;
* :mod:`.http` – the polite client (robots.txt, one request at a time, retries, limits);
* :mod:`.moderngov` – reading committee lists, meetings lists, meeting and item pages,
  and the web service's XML;
* :mod:`.discover` – committees and meetings, by web service or by pages;
* :mod:`.store` – meeting folders, manifests and the state file;
* :mod:`.run` – one run, from a site address to files on disk and an updated index.

:func:`harvest` and :func:`list_committees` are the entry points.
"""

from .errors import FetchError, HarvestError, OffSiteError, RobotsError
from .http import USER_AGENT, Politeness
from .moderngov import Committee
from .run import Failure, HarvestOptions, HarvestReport, harvest, list_committees

__all__ = [
    "harvest",
    "list_committees",
    "HarvestOptions",
    "HarvestReport",
    "Failure",
    "Politeness",
    "Committee",
    "USER_AGENT",
    "HarvestError",
    "FetchError",
    "OffSiteError",
    "RobotsError",
]
