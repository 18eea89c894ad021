"""The WeCom 智能机器人 long connection: `client` keeps the WebSocket up, `channel` joins it to the service."""
