"""The open data API (versioned modules: v1): what the public portal publishes, for everyone."""
