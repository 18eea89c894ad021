"""The aiohttp application and its pages."""
