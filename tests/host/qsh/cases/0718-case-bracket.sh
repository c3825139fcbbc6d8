case 5 in [0-9]) echo digit;; esac
case x in [!0-9]) echo nondigit;; esac
