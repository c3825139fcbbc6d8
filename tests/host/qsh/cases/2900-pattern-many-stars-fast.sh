case aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab in
  *a*a*a*a*a*a*a*a*a*a*a*c) echo yes;;
  *) echo no;;
esac
