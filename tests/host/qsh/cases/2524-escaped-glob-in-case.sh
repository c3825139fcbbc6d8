case '*' in \*) echo star;; esac
case 'x' in \*) echo no;; *) echo other;; esac
