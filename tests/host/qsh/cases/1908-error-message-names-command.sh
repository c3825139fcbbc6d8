nosuch_cmd_abc 2>&1 | grep -c nosuch_cmd_abc
