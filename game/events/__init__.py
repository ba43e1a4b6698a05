"""Events: the cards through which the player meets history, and the safe condition language."""
