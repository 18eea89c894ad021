"""The WeCom protocol: callback crypto, the API client, the outbox worker and the local stand-ins."""
