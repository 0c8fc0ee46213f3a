"""dyadwatch: defence-diplomacy events from Russian and English news pages."""
__version__ = "0.1.0"
