"""Language: what the English text says, found without the model: names, actors, speech."""
