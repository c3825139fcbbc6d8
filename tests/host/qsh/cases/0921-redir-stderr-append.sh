echo e1 2>>elog >&2
echo e2 2>>elog >&2
cat elog
