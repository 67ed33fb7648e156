"""``python -m autodossier`` works like the console script."""
from autodossier.cli import main

main()
