echo piped |
  tr p P
