import lzma, struct, sys
class R:
    def __init__(s,b): s.b=b; s.i=0; s.refs=[]
    def int(s):
        v=struct.unpack('>i',s.b[s.i:s.i+4])[0]; s.i+=4; return v
    def read(s):
        flags=s.int(); t=flags&0xFF; hasattr_=flags&(1<<9); hastag=flags&(1<<10); isobj=flags&(1<<8)
        lev=flags>>12
        if t==254: return None  # NILVALUE
        if t==242: return ('emptyenv',)
        if t==241: return ('baseenv',)
        if t==253: return ('globalenv',)
        if t==252: return ('unbound',)
        if t==251: return ('missing',)
        if t==250: return ('basenamespace',)
        if t==255:
            idx=flags>>8
            if idx==0: idx=s.int()
            return s.refs[idx-1]
        if t==1:  # SYMSXP
            nm=s.read(); s.refs.append(('sym',nm)); return ('sym',nm)
        if t==9:  # CHARSXP
            n=s.int()
            if n==-1: return None
            v=s.b[s.i:s.i+n].decode('utf8','replace'); s.i+=n; return v
        if t in (2,6,17):  # LISTSXP, LANGSXP, DOTSXP
            attr=s.read() if hasattr_ else None
            tag=s.read() if hastag else None
            car=s.read(); cdr=s.read()
            out=[(tag,car)]
            if isinstance(cdr,list): out+=cdr
            return out
        if t==4:  # ENVSXP
            locked=s.int(); env={}; s.refs.append(env)
            env['enclos']=s.read(); env['frame']=s.read(); env['hashtab']=s.read(); env['attr']=s.read(); return env
        if t in (10,13):
            n=s.int(); v=list(struct.unpack('>%di'%n,s.b[s.i:s.i+4*n])); s.i+=4*n
            v=[None if x==-2147483648 else x for x in v]
        elif t==14:
            n=s.int(); v=list(struct.unpack('>%dd'%n,s.b[s.i:s.i+8*n])); s.i+=8*n
        elif t==16 or t==19 or t==20:
            n=s.int(); v=[s.read() for _ in range(n)]
        else:
            raise Exception('type %d at %d'%(t,s.i))
        attrs=s.read() if hasattr_ else None
        return {'type':t,'v':v,'attr':attrs}
def load(path):
    b=lzma.decompress(open(path,'rb').read())
    assert b[:5]==b'RDX2\n' or b[:5]==b'RDX3\n', b[:5]
    r=R(b[5:]); assert r.b[:2]==b'X\n'; r.i=2
    ver=r.int(); r.int(); r.int()
    if ver==3: n=r.int(); r.i+=n
    return r.read()
def todf(obj):
    # obj: pairlist [(tag,val)]
    out={}
    for tag,val in obj:
        name=tag[1]
        cols={}
        names=[v for (t,v) in val['attr'] if t[1]=='names'][0]['v']
        for nm,col in zip(names,val['v']): cols[nm]=col['v']
        out[name]=cols
    return out
