"""``python -m newsgraph`` runs the command-line interface."""

import sys

from newsgraph.cli import main

sys.exit(main())
