case a in a) echo first;; a) echo second;; esac
