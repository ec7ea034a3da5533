# a UTF-8 byte-order mark before the header: "unknown column 'name'" (issue 10 item 8)
name  arrival  burst
P1    0        3
