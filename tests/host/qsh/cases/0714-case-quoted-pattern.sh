x='*'
case abc in "$x") echo literal;; *) echo glob;; esac
case '*' in "$x") echo literal;; esac
