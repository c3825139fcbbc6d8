echo a\ b \$x \\ \'q\' x\yz
