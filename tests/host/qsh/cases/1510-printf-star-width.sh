printf '[%*s]\n' 6 hi
