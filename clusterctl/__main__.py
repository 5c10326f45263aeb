"""`python -m clusterctl`."""

from clusterctl.entry import main

if __name__ == "__main__":
    main()
