mkdir c1 c2
printf '#!/bin/sh\necho noexec\n' > c1/t2
printf '#!/bin/sh\necho exec\n' > c2/t2
chmod +x c2/t2
PATH=$PWD/c1:$PWD/c2:$PATH
t2
