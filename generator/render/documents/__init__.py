"""The three document families (DVO, verantwoordingsrapportage, wijzigingsoverzicht), each a
view model plus its rendering, and the path they share (`common`)."""
