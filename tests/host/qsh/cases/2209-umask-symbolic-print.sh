umask 027
umask -S
