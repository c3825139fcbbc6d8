case a
in
a)
echo ok
;;
esac
