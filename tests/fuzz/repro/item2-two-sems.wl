#: --policy rr --quantum 2 --sem A=1 --sem B=2
name  arrival  burst
P1    0        wait:A,2,post:A,wait:B,1,post:B
P2    1        wait:B,3,post:B,wait:A,1,post:A
