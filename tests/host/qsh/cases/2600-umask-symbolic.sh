umask u=rwx,g=rx,o=
umask
umask a-w
umask
umask 022
umask g+w
umask
