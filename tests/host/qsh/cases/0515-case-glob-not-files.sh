touch zz
case zz in z*) echo pattern;; esac
