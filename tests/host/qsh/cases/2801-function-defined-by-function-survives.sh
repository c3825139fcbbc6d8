outer() { inner() { echo inner-ok; }; }
outer
unset -f outer
inner
