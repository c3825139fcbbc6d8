printf '#!/bin/sh\necho shebang $#\n' > s2
chmod +x s2
./s2 a b
