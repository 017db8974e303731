import rdaparse, math, collections, csv, subprocess, io
d=rdaparse.todf(rdaparse.load('apt.rda'))['anes_partytherms']
N=len(d['year'])
def ok(x): return x is not None and not (isinstance(x,float) and math.isnan(x))
def stats(vals):
    n=len(vals); m=sum(vals)/n; sd=math.sqrt(sum((v-m)**2 for v in vals)/(n-1))
    return n,m,sd,sum(v>=60 for v in vals)/n,sum(v<=30 for v in vals)/n
SRC_S=("Computed (unweighted; sample SD n-1) from respondent-level ANES Time Series party thermometers in svmiller/stevedata "
       "data/anes_partytherms.rda (Miller, stevedata R package; 'ANES time series file' 1978-2012; GitHub snapshot commit a3cc3dd); "
       "partisans incl. leaners = pid7 1-3 (Dem) / 5-7 (Rep); out-party = therm_gop for Dem, therm_dem for Rep; top-coded at 97 by ANES; script scenarios/data/scripts/anes_write.py, see scenarios/data/README.md")
rows=[]
groups={'partisans_incl_leaners':((1,2,3),(5,6,7)),'partisans_strong_weak_only':((1,2),(6,7))}
for gname,(dem,rep) in groups.items():
    by=collections.defaultdict(list); byd=collections.defaultdict(list); byr=collections.defaultdict(list)
    for i in range(N):
        p=d['pid7'][i]; y=int(d['year'][i]); td=d['therm_dem'][i]; tg=d['therm_gop'][i]
        if not ok(p): continue
        if p in dem and ok(tg): by[y].append(tg); byd[y].append(tg)
        if p in rep and ok(td): by[y].append(td); byr[y].append(td)
    for y in sorted(by):
        for lab,src in ((gname,by),(gname.replace('partisans','dems')+'_rating_rep',byd),(gname.replace('partisans','reps')+'_rating_dem',byr)):
            if gname!='partisans_incl_leaners' and lab!=gname: continue
            n,m,sd,w,c=stats(src[y])
            rows.append(dict(year=y,group=lab+'_unweighted',mean=round(m,2),sd=round(sd,2),share_warm=round(w,3),share_cold=round(c,3),n=n,source=SRC_S))
# weighted means from VladPetk/ABM
txt=subprocess.check_output(['git','-C','/work/.mirror/VladPetk+ABM/repo','show','HEAD:data/phase9_empirical/derived/outparty_thermometer.csv']).decode()
for r in csv.DictReader(io.StringIO(txt)):
    rows.append(dict(year=int(r['year']),group='partisans_incl_leaners_weighted_VCF0009z',mean=r['out_deg'],sd='',share_warm='',share_cold='',n=r['n'],
      source="VladPetk/ABM GitHub repo (commit 66384403), data/phase9_empirical/derived/outparty_thermometer.csv: ANES Time Series Cumulative Data File (csv 20260205) VCF0218/VCF0224, partisans VCF0301 1-3/5-7, weighted VCF0009z (per data/phase9_empirical/derived/affect_bands.json); third-party derivation, not peer-reviewed; SD/shares not published there"))
rows.sort(key=lambda r:(r['group'],r['year']))
with open('/work/notes/data/anes_outparty_thermometer.csv','w',newline='') as f:
    w=csv.DictWriter(f,fieldnames=['year','group','mean','sd','share_warm','share_cold','n','source']); w.writeheader(); w.writerows(rows)
print(len(rows))
