case abc in a*c) echo 1;; esac
case "" in *) echo 2;; esac
case ab in *b*) echo 3;; esac
case x in "") echo no;; ?*) echo 4;; esac
case "a*" in a\*) echo 5;; esac
case abcabc in *abc) echo 6;; esac
case ab in a*b*) echo 7;; esac
case a in **) echo 8;; esac
case aXb in a[XY]b) echo 9;; esac
case 'a\b' in 'a\b') echo 10;; esac
