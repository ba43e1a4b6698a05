"""Headless play: policies, the simulator and the benchmark."""
