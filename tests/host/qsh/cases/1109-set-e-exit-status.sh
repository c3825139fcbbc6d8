set -e
(exit 4)
