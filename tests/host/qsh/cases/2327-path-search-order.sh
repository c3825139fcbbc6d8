mkdir b1 b2
printf '#!/bin/sh\necho one\n' > b1/tool
printf '#!/bin/sh\necho two\n' > b2/tool
chmod +x b1/tool b2/tool
PATH=$PWD/b2:$PWD/b1:$PATH
tool
