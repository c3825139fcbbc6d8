p='a*'
case abc in $p) echo matched;; esac
