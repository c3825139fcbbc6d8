echo '$HOME `x` \n'
