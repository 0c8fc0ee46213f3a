"""`python -m dyadwatch`: the same as the `dyadwatch` command."""
from .cli import main

main()
