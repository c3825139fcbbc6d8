set -e
! true
echo reached
