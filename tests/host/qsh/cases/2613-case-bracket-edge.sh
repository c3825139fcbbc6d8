case "]" in []]) echo rb;; esac
case x in [!]]) echo nrb;; esac
case - in [a-]) echo dash;; esac
case "[a" in [a) echo lit;; esac
