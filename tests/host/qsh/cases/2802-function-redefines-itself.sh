f() { f() { echo second; }; echo first; }
f
f
