"""What the game shows, without a display: the game being played as a front end sees it
(`context`), the figures formatted with their units, trends and history beside them
(`viewmodel`), the labour shares kept summing to one (`shares`) and the translations (`i18n`).

The pygame window (game/ui) draws these; the browser edition will render the same view models
in HTML. Nothing here imports pygame, and nothing the model or the cards decide is worked out
again here.
"""
