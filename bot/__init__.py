"""The pure core of nianbao: no network, no database, no clock."""
